// setInterval runs until clearInterval; a tick queued by each run comes before the next run.
let n = 0;
const t = setInterval(() => {
  n++;
  console.log('interval ' + n);
  process.nextTick(() => console.log('tick after interval ' + n));
  if (n === 3) {
    clearInterval(t);
    console.log('cleared');
    setTimeout(() => console.log('a timeout after the interval ended'), 20);
  }
}, 5);
