export { assembleApp, openApp, withApp, type App } from './open-app.ts';
export { clockFor, clockShiftedTo, fixedClock, systemClock, type Clock } from './clock.ts';
