// 'beforeExit' fires each time the loop runs out of work; work scheduled from it keeps the process going.
const log = (s) => console.log(s);
let round = 0;
process.on('beforeExit', () => {
  log('beforeExit ' + round);
  if (round++ < 2) setTimeout(() => log('timer scheduled from beforeExit ' + round), 1);
});
log('main');
