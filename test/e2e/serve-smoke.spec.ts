import { test, expect } from './support/serve';

/** The browser host lets in the holder of its printed URL, and nobody else. */

test('the printed URL opens the app and trades its token for a cookie', async ({ page, serve }) => {
  const response = await page.goto(serve.url);
  expect(response?.status()).toBe(200);
  // The token left the address bar (and so the history) as soon as the cookie was set.
  expect(page.url()).toBe(`${serve.origin}/`);
  const cookies = await page.context().cookies(serve.origin);
  const cookie = cookies.find((c) => c.name === `dagstudio_${serve.port}`);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  await expect(page.locator('body')).not.toContainText('Access token needed');
  // The page reached the host API over the WebSocket with the cookie alone.
  const info = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    return new Promise<unknown>((resolve, reject) => {
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: 'app.info', params: {} }));
      ws.onmessage = (e) => resolve(JSON.parse(String(e.data)));
      ws.onerror = () => reject(new Error('the WebSocket was refused'));
    });
  });
  expect(info).toMatchObject({ id: 1, result: { kind: 'browser', data_dir: expect.any(String) } });
});

test('without the token, or with a wrong one, the page is refused', async ({ page, serve }) => {
  const bare = await page.goto(serve.origin + '/');
  expect(bare?.status()).toBe(401);
  await expect(page.locator('h1')).toHaveText('Access token needed');
  const wrong = await page.goto(`${serve.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(401);
  const asset = await page.request.get(`${serve.origin}/index.html`);
  expect(asset.status()).toBe(401);
  const refused = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    return new Promise<string>((resolve) => {
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
  });
  expect(refused).toBe('refused');
});
