// Inside an I/O callback, setImmediate always runs before setTimeout(0): the check phase comes right
// after poll, the timers phase only in the next iteration. (From the main script the order is not fixed.)
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('nextTick'));
  console.log('readFile callback');
});
