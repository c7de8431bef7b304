// The comprehensive trace from the seed article (node-event-loop-phases.md, section 7).
// One addition: the main script spins 5 ms before it ends, so the 1 ms timer is certainly due when the
// loop starts, as the article assumes; without it the timer races readFile's four thread-pool trips.
const fs = require('fs');

setTimeout(() => {
  console.log("Timer Callback (Phase 1)");
  process.nextTick(() => {
    console.log("NextTick inside Timer (VIP Lane)");
  });
  Promise.resolve().then(() => {
    console.log("Promise inside Timer (VIP Lane)");
  });
}, 0);

fs.readFile(__filename, () => {
  console.log("File Read Callback (Phase 4 - Poll)");
  setImmediate(() => {
    console.log("SetImmediate Callback (Phase 5 - Check)");
  });
});

console.log("Main Stack Script Execution Complete.");
const until = Date.now() + 5; while (Date.now() < until) { /* spin */ }
