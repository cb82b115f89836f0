const queue: string[] = [];

export async function queueResetMail(email: string): Promise<void> {
  queue.push(email);
}
