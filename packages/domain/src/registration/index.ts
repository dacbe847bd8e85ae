// Registration rules (deadlines, base cycles, flexible grades) live here.
export {};
