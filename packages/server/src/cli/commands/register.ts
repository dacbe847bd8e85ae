import type { Command } from 'commander';

/** Registration commands: employers, persons, hires and leaves, bases, flexible workers. */
export function registerRegistrationCommands(_program: Command): void {}
