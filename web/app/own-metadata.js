// "Your own service": a local $metadata file (CSDL XML or JSON) read in this page, nothing uploaded.
// XML goes through the browser's XML parser into CSDL JSON, which the core reads; that code loads
// only when a file is opened.
import { $ } from './dom.js';
import { GRAPH_VERSIONS } from './models.js';

// A model name from the file's name: letters, digits, dot, dash; never a Graph version's name.
function modelName(fileName, taken) {
  const base = fileName.replace(/(\.(xml|json|csdl|edmx|txt))+$/i, '').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'service';
  let name = [...GRAPH_VERSIONS, '$metadata', 'metadata'].includes(base) ? `${base}-service` : base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  return name;
}

async function csdlJsonOf(text) {
  const { csdlXmlToJson, looksLikeXml } = await import('./csdl-xml.js');
  return looksLikeXml(text) ? JSON.stringify(csdlXmlToJson(text).json) : text;
}

// onLoaded(model, summary) after a file is read; the file's text stays here so that a new service
// root reloads it under the same name.
export function setupOwnMetadata({ models, onLoaded }) {
  const status = $('metadata-status');
  let last = null;  // { name, csdl }

  const load = (name, csdl) => {
    const serviceRoot = $('service-root').value.trim();
    const model = models.addService(csdl, { name, serviceRoot });
    last = { name: model, csdl };
    status.textContent = `Loaded "${model}"${serviceRoot ? ` at ${serviceRoot}` : ''}. Find its operations above.`;
    status.className = 'meta';
    onLoaded(model);
  };

  const fail = (fileName, error) => {
    status.textContent = `${fileName} could not be used: ${error.message}`;
    status.className = 'problem';
  };

  $('metadata-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    status.textContent = `Reading ${file.name}…`;
    try {
      const text = await file.text();
      load(modelName(file.name, models.names()), await csdlJsonOf(text));
    } catch (error) {
      fail(file.name, error);
    }
  });
  $('service-root').addEventListener('change', () => {
    if (!last) return;
    try {
      load(last.name, last.csdl);
    } catch (error) {
      fail(last.name, error);
    }
  });
}
