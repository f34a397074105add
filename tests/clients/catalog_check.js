// A harvester's reading of the catalog: `node catalog_check.js CATALOG`.
// jsonld.js in safe mode, with no base IRI (a harvester has only the text):
// expansion and conversion to RDF must drop nothing, every distribution
// keeps its download URL, and every dataset states its licence, issue date
// and publisher. Prints what is wrong and exits 1, or one "ok" line.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const DCAT = 'http://www.w3.org/ns/dcat#', DCT = 'http://purl.org/dc/terms/';

async function main() {
  const path = process.argv[2];
  const doc = JSON.parse(fs.readFileSync(path, 'utf8'));
  const problems = [];
  // Safe mode makes jsonld.js throw on anything it would silently drop
  // (a relative IRI, an unknown term); base null: no document URL.
  const opts = {safe: true, base: null};
  const expanded = await jsonld.expand(doc, opts);
  const quads = await jsonld.toRDF(doc, {...opts, format: 'application/n-quads'});
  const nodes = await jsonld.flatten(expanded, null, opts);
  const types = (n) => n['@type'] || [];
  const ids = (n, p) => (n[p] || []).map((v) => v['@id'] || v['@value']);
  let dists = 0, datasets = 0;
  for (const n of nodes) {
    if (types(n).includes(DCAT + 'Distribution')) {
      dists++;
      for (const p of ['downloadURL', 'accessURL']) {
        const v = ids(n, DCAT + p);
        if (v.length !== 1 || !/^https?:\/\//.test(v[0]))
          problems.push(`${n['@id']}: ${p} is ${JSON.stringify(v)}, not one absolute URL`);
        else if (!quads.includes(`<${n['@id']}> <${DCAT + p}> <${v[0]}>`))
          problems.push(`${n['@id']}: ${p} is not in the RDF`);
      }
      if (ids(n, DCT + 'license').length !== 1) problems.push(`${n['@id']}: no licence`);
    }
    if (types(n).includes(DCAT + 'Dataset')) {
      datasets++;
      // A country's dataset has one language; the world's has many.
      const wanted = ['license', 'issued', 'modified', 'publisher'].concat(n[DCT + 'spatial'] ? ['language'] : []);
      for (const p of wanted)
        if (ids(n, DCT + p).length === 0 && !(n[DCT + p] || []).length) problems.push(`${n['@id']}: no dct:${p}`);
      for (const l of ids(n, DCT + 'language'))
        if (!/^http:\/\/id\.loc\.gov\/vocabulary\/iso639-[12]\/[a-z]{2,3}$/.test(l))
          problems.push(`${n['@id']}: language ${l} is not an ISO 639 IRI`);
    }
  }
  // Every distribution and download URL of the text reaches the RDF.
  const text = fs.readFileSync(path, 'utf8');
  const inText = (text.match(/"downloadURL": "/g) || []).length;
  const inRdf = quads.split('\n').filter((q) => q.includes(`<${DCAT}downloadURL>`)).length;
  if (inText !== inRdf || inText !== dists)
    problems.push(`${inText} downloadURL in the text, ${inRdf} in the RDF, ${dists} distributions`);
  if (datasets === 0) problems.push('no dataset');
  if (problems.length) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  console.log(`ok: ${datasets} datasets, ${dists} distributions, ${inRdf} download URLs in ${quads.split('\n').length - 1} quads`);
}
main().catch((e) => {
  console.log(`jsonld.js: ${e.name}: ${e.message}${e.details ? ' ' + JSON.stringify(e.details).slice(0, 400) : ''}`);
  process.exit(1);
});
