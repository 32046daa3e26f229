/**
 * The production HTTP server: Next's request handler behind Node's http server, so that the
 * client's address (the socket's peer) reaches the app in a header no client can set: any
 * incoming x-duizhao-peer is overwritten. Started by scripts/start.mjs.
 */
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';
const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers['x-duizhao-peer'] = request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`ready: listening on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
