// A small round-robin load balancer for bench/cluster.sh: HTTP (keep-alive), server-sent events (streamed as they
// come, nothing buffered) and WebSocket (the upgrade and then the raw bytes piped both ways). Not sticky: any
// request may reach any node. A node that refuses the connection is skipped for that request (the next one is
// tried), as nginx's proxy_next_upstream does for connect errors.
// Usage: node bench/lb.mjs <port> <node base URL> [<node base URL> ...]
import http from 'node:http';
import net from 'node:net';

const port = Number(process.argv[2]);
const nodes = process.argv.slice(3).map((u) => new URL(u));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
let next = 0;
const pick = () => nodes[next++ % nodes.length];

function forward(req, res, tries) {
  const node = pick();
  const out = http.request({ host: node.hostname, port: node.port, method: req.method, path: req.url, agent,
    headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress } }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    res.flushHeaders();
    up.pipe(res);
  });
  out.on('error', (e) => {
    // only a refused connection is retried elsewhere: the request body has not been consumed yet
    if (e.code === 'ECONNREFUSED' && tries < nodes.length && !res.headersSent) return forward(req, res, tries + 1);
    if (!res.headersSent) { res.writeHead(502); res.end(); } else res.destroy();
  });
  req.pipe(out);
}

const server = http.createServer({ keepAliveTimeout: 3_600_000 }, (req, res) => forward(req, res, 1));

server.on('upgrade', (req, socket, head) => {
  const connect = (tries) => {
    const node = pick();
    const up = net.connect(Number(node.port), node.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head && head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', (e) => {
      if (e.code === 'ECONNREFUSED' && tries < nodes.length) return connect(tries + 1);
      socket.destroy();
    });
    socket.on('error', () => up.destroy());
    up.on('close', () => socket.destroy());
    socket.on('close', () => up.destroy());
  };
  connect(1);
});

server.listen(port, '127.0.0.1', () => console.log(`lb listening on ${port} -> ${nodes.map(String).join(', ')}`));
