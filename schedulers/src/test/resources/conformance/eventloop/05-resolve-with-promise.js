// new Promise(r => r(p)) adopts p (two extra turns); Promise.resolve(p) returns p itself (none);
// await p on a native promise takes one turn.
const log = (s) => console.log(s);
const p = Promise.resolve('v');
const viaExecutor = new Promise((resolve) => resolve(p));
const viaResolve = Promise.resolve(p);
log('Promise.resolve(p) === p: ' + (viaResolve === p));
viaExecutor.then(() => log('adopted via executor'));
viaResolve.then(() => log('Promise.resolve(p)'));
(async () => { await p; log('after await p'); })();
Promise.resolve().then(() => log('turn 1')).then(() => log('turn 2')).then(() => log('turn 3')).then(() => log('turn 4'));
