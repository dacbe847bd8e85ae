export * from './retirement-groups.ts';
export * from './min-contribution-months.ts';
export * from './format-age.ts';
export * from './calculate-retirement.ts';
export * from './validate-flexible-retirement-choice.ts';
