// A TCP echo over loopback: listening on the next tick, the server's connection before the client's
// connect (same poll phase, in epoll's order), then data, end and close as each side finishes.
const net = require('net');
const log = (s) => console.log(s);
const server = net.createServer((sock) => {
  log('server: connection');
  sock.on('data', (d) => { log('server: data ' + d); sock.write(d); });
  sock.on('end', () => log('server: end'));
  sock.on('close', () => { log('server: close'); server.close(() => log('server: closed')); });
});
server.listen(0, '127.0.0.1', () => {
  log('listening');
  const c = net.connect(server.address().port, '127.0.0.1', () => { log('client: connect'); c.write('hello'); });
  c.on('data', (d) => { log('client: data ' + d); c.end(); });
  c.on('end', () => log('client: end'));
  c.on('close', () => log('client: close'));
});
log('main');
