// clearTimeout, clearInterval from inside the interval, and clearImmediate of a queued immediate.
const log = (s) => console.log(s);
const never = setTimeout(() => log('cleared timeout must not run'), 5);
clearTimeout(never);
let n = 0;
const iv = setInterval(() => { log('interval ' + ++n); if (n === 2) clearInterval(iv); }, 3);
setTimeout(() => {
  let second;
  setImmediate(() => { log('immediate 1 clears immediate 2'); clearImmediate(second); });
  second = setImmediate(() => log('cleared immediate must not run'));
  setImmediate(() => log('immediate 3'));
}, 100);
clearTimeout(null);
log('main');
