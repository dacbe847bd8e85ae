export { assembleApp, openApp, withApp, type App } from './open-app.ts';
export { systemClock, fixedClock, type Clock } from './clock.ts';
