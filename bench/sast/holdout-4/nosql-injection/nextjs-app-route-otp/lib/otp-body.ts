export interface OtpBody {
  username: string;
  otp: string;
}

// Shapes the body for the route; the type annotation is all it checks.
export function parseOtpBody(raw: unknown): OtpBody {
  const body = raw as OtpBody;
  return { username: body.username, otp: body.otp };
}
