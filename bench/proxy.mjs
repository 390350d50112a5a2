// The minimal keep-alive reverse proxy the gateway benchmark compares against: every request is piped to the
// upstream over pooled connections, nothing parsed. Usage: node bench/proxy.mjs <port> <upstream base URL>
import http from 'node:http';

const [port, upstream] = [Number(process.argv[2]), new URL(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 4096 });
http.createServer({ keepAliveTimeout: 3_600_000 }, (req, res) => {
  const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, agent,
    path: upstream.pathname.replace(/\/$/, '') + req.url.replace(/^\/v1/, ''), headers: req.headers }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  out.on('error', () => { res.writeHead(502); res.end(); });
  req.pipe(out);
}).listen(port, '127.0.0.1', () => console.log('proxy listening on ' + port));
