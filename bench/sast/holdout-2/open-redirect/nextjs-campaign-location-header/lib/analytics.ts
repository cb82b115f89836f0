const clicks = new Map<string, number>();

export async function recordClick(campaignId: string): Promise<void> {
  clicks.set(campaignId, (clicks.get(campaignId) ?? 0) + 1);
}
