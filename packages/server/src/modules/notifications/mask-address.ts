import type { Channel } from './notice-kinds.ts';

/** An address as lists show it: `138****8000`, `z***@example.cn`. */
export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'sms')
    return address.length >= 7 ? `${address.slice(0, 3)}****${address.slice(-4)}` : '****';
  const at = address.indexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}
