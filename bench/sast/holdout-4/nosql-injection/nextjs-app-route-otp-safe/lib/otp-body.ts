import { z } from 'zod';

const OtpBody = z.object({
  username: z.string().min(1).max(64),
  otp: z.string().regex(/^\d{6}$/),
});

export type OtpBody = z.infer<typeof OtpBody>;

// Throws on anything but two strings, so no operator object reaches the query.
export function parseOtpBody(raw: unknown): OtpBody {
  return OtpBody.parse(raw);
}
