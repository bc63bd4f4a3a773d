import { v7 } from 'uuid';

/** UUIDv7: time-ordered (index locality) and creatable offline by the client. */
export const newId = (): string => v7();
