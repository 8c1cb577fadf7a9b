// The hub for the scale bench, in a process of its own (so the load generator does not share its event
// loop and its memory is its own): the real app on DATABASE_URL, per-terminal rate limiting off (the
// bench's terminals push harder than a till may), no request logs. Prints {"port":n} when listening.
import { buildHub } from '../../server/src/app.ts';
import { hashToken } from '../../server/src/auth/tokens.ts';
import { openDatabase } from '../../server/src/db/open-database.ts';
import { drainAndClose } from '../../server/src/http/lifecycle.ts';

const url = process.env['DATABASE_URL'];
const admin = process.env['ADMIN_TOKEN'];
if (url === undefined || admin === undefined) throw new Error('hub-entry needs DATABASE_URL and ADMIN_TOKEN');
const db = await openDatabase({ url });
const app = await buildHub({ db, adminTokenHash: hashToken(admin), rateLimit: false, logger: false, publicUrl: 'http://127.0.0.1' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 }));
const stop = () => {
  void drainAndClose(app)
    .then(() => db.close())
    .finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
// The bench holds our stdin open; its end means the bench is gone (crashed or killed): stop too.
process.stdin.once('end', stop);
process.stdin.resume();
