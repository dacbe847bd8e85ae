import { describe, expect, it } from 'vitest';
import { accessPurpose, actorName } from './access-purpose.ts';

describe('an access-log entry in the reader’s words', () => {
  it('names the purpose from the route, and something for a route it does not know', () => {
    expect(accessPurpose('GET /api/persons/:personId/rights-record')).toBe('rightsRecord');
    expect(accessPurpose('GET /api/employers/:employerId/monthly-details/:period')).toBe('monthlyDetails');
    expect(accessPurpose('GET /api/some/new/route')).toBe('other');
  });

  it('shows the name of who read it, without the server’s English kind and login key', () => {
    expect(actorName('agency staff 系统管理员 [staff:admin] (110000)')).toBe('系统管理员');
    expect(actorName('employer user 财务 [employer:1:finance]')).toBe('财务');
    expect(actorName('system 银行接口 [system:bank] (110000, 310000)')).toBe('银行接口');
    expect(actorName('an older label')).toBe('an older label');
  });
});
