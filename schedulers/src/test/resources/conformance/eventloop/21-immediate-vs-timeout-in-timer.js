// Inside a timer callback, setImmediate runs before setTimeout(0): the check phase of this iteration
// comes before the next timers phase.
const log = (s) => console.log(s);
setTimeout(() => {
  setTimeout(() => log('timeout 0'), 0);
  setImmediate(() => log('immediate'));
  log('timer callback');
}, 1);
