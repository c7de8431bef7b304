// Promise.all, allSettled, race and any, and the turns they take.
const log = (s) => console.log(s);
const delayed = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([Promise.resolve(1), Promise.resolve(2), delayed(3, 5)]).then((v) => log('all: ' + v.join(',')));
Promise.all([Promise.resolve(1), Promise.reject(new Error('no'))]).catch((e) => log('all rejected: ' + e.message));
Promise.allSettled([Promise.resolve('ok'), Promise.reject(new Error('bad'))])
  .then((r) => log('allSettled: ' + r.map((x) => x.status + ':' + (x.value ?? x.reason.message)).join(',')));
Promise.race([delayed('slow', 20), delayed('fast', 5)]).then((v) => log('race: ' + v));
Promise.any([Promise.reject(new Error('x')), delayed('any-ok', 10)]).then((v) => log('any: ' + v));
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))])
  .catch((e) => log('any rejected: ' + e.constructor.name + ' of ' + e.errors.map((x) => x.message).join(',')));
Promise.resolve().then(() => log('turn 1')).then(() => log('turn 2')).then(() => log('turn 3'));
