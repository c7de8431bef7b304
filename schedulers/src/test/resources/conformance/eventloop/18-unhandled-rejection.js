// A rejection still unhandled once the microtask queue drains is reported; one handled within the same
// drain is not; one handled later (in a timer) was reported already.
const log = (s) => console.log(s);
process.on('unhandledRejection', (reason) => log('unhandledRejection: ' + reason.message));
const late = Promise.reject(new Error('handled too late'));
const early = Promise.reject(new Error('handled in time'));
Promise.resolve().then(() => early.catch(() => log('early handled in a microtask')));
Promise.reject(new Error('never handled'));
setTimeout(() => late.catch(() => log('late handled in a timer')), 1);
log('main');
