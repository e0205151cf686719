/**
 * Each module's public surface must load on its own, whichever module is required first: the modules
 * import each other's contracts (events, queries), so an index that exported its Nest module before its
 * contracts would hand a half-loaded surface to the others (a decorator would receive `undefined`).
 */
const SURFACES = ['@app/campaign', '@app/dispatch', '@app/analytics', '@app/audience', '@app/catalog', '@app/webhooks', '@app/whatsapp'];

describe('module public surfaces', () => {
  for (const first of SURFACES) {
    it(`load in any order when ${first} is required first`, () => {
      jest.isolateModules(() => {
        const surface = require(first);
        expect(Object.keys(surface).length).toBeGreaterThan(0);
        const { AppModule } = require('@app/composition');
        expect(AppModule.register({ http: true, workers: true }).imports.length).toBeGreaterThan(3);
        for (const name of SURFACES) {
          for (const [key, value] of Object.entries(require(name))) expect([key, value]).not.toEqual([key, undefined]);
        }
      });
    });
  }
});
