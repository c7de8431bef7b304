// Returning a promise from a then callback adopts it through PromiseResolveThenableJob: two extra
// microtask turns compared with returning the value itself.
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => { log('A1 returns Promise.resolve(2)'); return Promise.resolve(2); })
  .then((v) => log('A2 got ' + v));
Promise.resolve()
  .then(() => { log('B1 returns 2'); return 2; })
  .then((v) => log('B2 got ' + v));
Promise.resolve()
  .then(() => log('C1'))
  .then(() => log('C2'))
  .then(() => log('C3'))
  .then(() => log('C4'))
  .then(() => log('C5'));
