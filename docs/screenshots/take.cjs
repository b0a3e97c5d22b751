// Screenshots of the dashboards for the user guide, taken from the demo (`./mvnw -Prun`) in Debian's Chromium.
// Usage (from the repository root, with the demo running at BASE, default http://localhost:8080):
//   npm install --prefix /tmp/shots playwright-core   (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1: no browser download)
//   NODE_PATH=/tmp/shots/node_modules node docs/screenshots/take.cjs
// Writes docs/images/dashboards/demo-*.png.
const { chromium } = require('playwright-core');

const base = process.env.BASE || 'http://localhost:8080';
const out = process.env.OUT || 'docs/images/dashboards';
const shots = [
  ['itsec', 'itsec-demo-2026', 'dashboards/executive', 'demo-executive'],
  ['itsec', 'itsec-demo-2026', 'dashboards/operations', 'demo-operations'],
  ['manager', 'manager-demo-2026', 'dashboards/department', 'demo-department-manager'],
  ['itsec', 'itsec-demo-2026', 'reports/exposures?department=ICU', 'demo-exposure-report'],
];

(async () => {
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [user, password, route, name] of shots) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator("vaadin-login-form input[name='username']").fill(user);
    await page.locator("vaadin-login-form input[name='password']").fill(password);
    await page.locator("vaadin-login-form input[name='password']").press('Enter');
    await page.waitForURL(u => !u.pathname.startsWith('/login'));
    await page.goto(`${base}/${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    // The app layout scrolls inside its content area: grow the window to the tallest scrolling element first.
    const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight)));
    await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 40, 1000), 6000) });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    console.log(`${name}: ${route}`);
    await context.close();
  }
} finally {
  await browser.close();
}
})().catch(e => { console.error(e); process.exit(1); });
