import os from 'node:os';

/**
 * The name of this server among those that may share the database: the same across its restarts
 * (so it finds the jobs it was running), different between servers (so it leaves theirs alone).
 * LIANHU_INSTANCE names it when host and port do not tell servers apart (containers).
 */
export const thisRunner = process.env.LIANHU_INSTANCE || `${os.hostname()}:${process.env.PORT ?? 3000}`;
