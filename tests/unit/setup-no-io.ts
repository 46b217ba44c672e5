/**
 * The unit tier's rule, enforced: a unit test opens no socket and starts no process. Opening one
 * throws, naming what was tried and where such a test belongs (tests/integration/).
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const refuse = (what: string) =>
  function refused(): never {
    throw new Error(`a unit test may not ${what}: move the test to tests/integration/ (unit tests open no sockets and start no processes)`);
  };

net.Socket.prototype.connect = refuse('open a socket (net.Socket.connect)') as never;
net.Server.prototype.listen = refuse('listen on a port (net.Server.listen)') as never;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const)
  (childProcess as unknown as Record<string, unknown>)[name] = refuse(`start a process (child_process.${name})`);
syncBuiltinESMExports();
