#!/usr/bin/env node
// A tiny round-robin TCP load balancer for the scale-out runs of libs/tooling/bench/http.cjs: each
// incoming connection is piped to the next backend in turn (keep-alive connections stay on one
// backend, as behind most L4 balancers). A separate process, so it does not share the load
// generator's event loop. Env: BACKENDS="port1,port2", PORT (0 = any). Prints {"port": N}.
const net = require('node:net');

const backends = String(process.env.BACKENDS || '').split(',').filter(Boolean).map(Number);
let next = 0;
const server = net.createServer((client) => {
  const port = backends[next++ % backends.length];
  const upstream = net.connect({ port, host: '127.0.0.1' });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
