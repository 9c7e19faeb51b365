// One half of second-engine.mjs' reachPorts: listens on LISTEN and pipes each connection to TARGET, each a
// port (on 127.0.0.1 of the network namespace it runs in) or a unix socket path (the mount namespace is shared).
// Two of them, one started in the engine's namespace with `nsenter --net=…`, link its 127.0.0.1:PORT to the
// host's through a unix socket; processes of their own, so a test blocked in execFileSync does not stall them.
//   node netns-relay.mjs LISTEN TARGET   prints one line once it listens; exits when its stdin closes
import { createConnection, createServer } from 'node:net';

const [listen, target] = process.argv.slice(2);
/** @param {string} address */
const port = (address) => (/^\d+$/.test(address) ? Number(address) : undefined);

/** Pipes two sockets both ways; an error on either end drops both (an end is passed on as an end). */
function join(/** @type {import('node:net').Socket} */ a, /** @type {import('node:net').Socket} */ b) {
  a.pipe(b).pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
}

const targetPort = port(target);
const server = createServer((inbound) =>
  join(inbound, targetPort === undefined ? createConnection(target) : createConnection(targetPort, '127.0.0.1')),
);
server.on('error', (error) => {
  console.error(`netns-relay: ${error.message}`);
  process.exit(1);
});
const ready = () => console.log(`netns-relay: ${listen} -> ${target}`);
const listenPort = port(listen);
if (listenPort === undefined) server.listen(listen, ready);
else server.listen(listenPort, '127.0.0.1', ready);
// The test process holds the other end of stdin: when it goes (stop(), or a crash), so does this relay.
process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0));
process.stdin.resume();
