// A socket's 'close' comes from its handle's close callback, in the close phase: after the immediates of
// the same iteration. Close callbacks run in reverse order of the closes (libuv's closing list is LIFO).
const net = require('net');
const log = (s) => console.log(s);
const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const sockets = [];
  let connected = 0;
  for (const name of ['a', 'b', 'c']) {
    const s = net.connect(port, '127.0.0.1', () => {
      if (++connected < 3) return;
      log('all connected; destroying a, b, c');
      for (const t of sockets) t.on('close', () => log('close ' + t.name));
      for (const t of sockets) t.destroy();
      setImmediate(() => log('immediate'));
      process.nextTick(() => log('nextTick'));
      server.close(() => log('server closed'));
    });
    s.name = name;
    sockets.push(s);
  }
});
