// A connect refused at once fails from libuv's pending phase: 'error' (on the next tick after the
// failure) comes before the immediate, and 'close' in the close phase after it.
const net = require('net');
const log = (s) => console.log(s);
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port; // a port that was free a moment ago: nobody listens once probe closes
  probe.close(() => {
    const s = net.connect(port, '127.0.0.1', () => log('connected (must not happen)'));
    s.on('error', (e) => log('error ' + e.code));
    s.on('close', (hadError) => log('close, had error: ' + hadError));
    setImmediate(() => log('immediate'));
    log('connecting to a closed port');
  });
});
