import { Body, Controller, Post, Redirect } from '@nestjs/common';

class SignInDto {
  email!: string;
  password!: string;
  returnTo?: string;
}

@Controller('session')
export class SessionController {
  @Post()
  @Redirect('/home', 303)
  signIn(@Body() dto: SignInDto) {
    // (credentials checked by a guard before this handler runs)
    const target = dto.returnTo ?? 'home';
    return { url: `/app/${encodeURIComponent(target)}`, statusCode: 303 };
  }
}
