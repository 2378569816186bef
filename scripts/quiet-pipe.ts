/**
 * A command-line tool whose reader goes away (`... | head -3`) stops quietly, as Unix tools do,
 * instead of dying with an unhandled EPIPE stack trace. Import it first in a script.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
export {};
