// A rejection skips then callbacks until a catch; finally sees both outcomes; a throw in a then rejects.
const log = (s) => console.log(s);
Promise.reject(new Error('first'))
  .then(() => log('skipped'))
  .then(() => log('skipped too'))
  .catch((e) => { log('caught ' + e.message); return 'recovered'; })
  .finally(() => log('finally after recovery'))
  .then((v) => { log('then got ' + v); throw new Error('second'); })
  .finally(() => log('finally after the throw'))
  .catch((e) => log('caught ' + e.message));
