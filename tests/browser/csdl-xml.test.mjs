// CSDL XML read in headless Chromium by web/app/csdl-xml.js, against the native reader
// (wasm/core/csdl_xml.cpp through `gpb_pack csdl`): the same CSDL JSON, byte for byte once both are
// written with two-space indents, for the library fixture, both whole Graph models and a document of
// odd corners; and hostile files refused with one plain sentence each, fast.
// The module is read from web/ (the site bundles it only when the page imports it) and run as an
// inline module in a blank page, which has no Content-Security-Policy to get in its way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, root, fixtures, outputDir } from './harness.mjs';

const PACK = join(root, 'build', 'native', 'gpb_pack');
const EDMX = 'xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"';
const EDM = 'xmlns="http://docs.oasis-open.org/odata/ns/edm"';
const DOCTYPE = 'The file declares a DOCTYPE; metadata files never need one, and it is refused.';
const TOO_DEEP = 'The metadata nests deeper than 32 levels.';

const FILES = 'http://files.invalid/';  // answered from disk by a route: path -> file
const served = new Map();

let browser;
let session;

before(async () => {
  if (!existsSync(PACK)) {
    execFileSync('cmake', ['--build', '--preset', 'native', '--target', 'gpb_pack', '-j2'],
      { cwd: root, env: { ...process.env, NODE_PATH: '/usr/share/nodejs' }, stdio: 'inherit' });
  }
  browser = await launch();
  session = await openPage(browser, 'about:blank', { app: false });
  await session.page.route(`${FILES}**`, (route) => route.fulfill({
    path: served.get(new URL(route.request().url()).pathname),
    contentType: 'application/xml',
    headers: { 'access-control-allow-origin': '*' },
  }));
  const source = readFileSync(join(root, 'web', 'app', 'csdl-xml.js'), 'utf8');
  await session.page.addScriptTag({ type: 'module', content: `${source}\nwindow.csdl = { csdlXmlToJson, looksLikeXml };` });
  await session.page.waitForFunction(() => window.csdl);
});

after(async () => {
  await browser?.close();
  assert.deepEqual(session?.log.errors, []);
});

// The native reader's CSDL JSON for a file, or its one-line problem.
function nativeCsdl(xmlPath, name) {
  const out = join(outputDir, `${name}.native.json`);
  const run = spawnSync(PACK, ['csdl', xmlPath, out], { encoding: 'utf8' });
  return run.status === 0 ? { text: readFileSync(out, 'utf8') } : { problem: run.stderr.trim(), status: run.status };
}

function nativeCsdlOf(xml, name) {
  const path = join(outputDir, `${name}.csdl.xml`);
  writeFileSync(path, xml);
  return nativeCsdl(path, name);
}

// In the page: { text } (the JSON with two-space indents, as gpb_pack writes it) or { error, plain }.
// The text is the argument, or for a file { url } to fetch (a 4 MB argument takes seconds to pass).
async function browserCsdl(source) {
  return session.page.evaluate(async (source) => {
    const xml = typeof source === 'string' ? source : await (await fetch(source.url)).text();
    const started = performance.now();
    try {
      const { json } = window.csdl.csdlXmlToJson(xml);
      const ms = performance.now() - started;
      return { text: JSON.stringify(json, null, 2), ms };
    } catch (error) {
      return { error: error.message, plain: Object.getPrototypeOf(error) === Error.prototype, ms: performance.now() - started };
    }
  }, source);
}

function assertSameText(actual, expected, label) {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at += 1;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 300), at + 200));
  assert.fail(`${label}: the browser's CSDL JSON differs from the native one at ${at}:\n browser ${around(actual)}\n native  ${around(expected)}`);
}

async function assertSameAsNative(xmlPath, name) {
  const native = nativeCsdl(xmlPath, name);
  assert.ok(native.text, native.problem);
  served.set(`/${name}.xml`, xmlPath);
  const mine = await browserCsdl({ url: `${FILES}${name}.xml` });
  assert.equal(mine.error, undefined);
  writeFileSync(join(outputDir, `${name}.browser.json`), mine.text);
  assertSameText(mine.text, native.text, name);
  // Parsed, too: the same members, in the same order.
  assert.equal(JSON.stringify(JSON.parse(mine.text)), JSON.stringify(JSON.parse(native.text)));
  return mine.ms;
}

test('the library fixture reads as the native reader reads it', async () => {
  await assertSameAsNative(join(fixtures, 'metadata', 'library.csdl.xml'), 'library.csdl');
});

test('Graph v1.0 and beta read as the native reader reads them', async (t) => {
  for (const version of ['v1.0', 'beta']) {
    const ms = await assertSameAsNative(join(root, 'wasm', 'models', `graph-${version}.csdl.xml`), `graph-${version}.csdl`);
    t.diagnostic(`graph-${version}.csdl.xml: ${Math.round(ms)} ms in Chromium`);
    assert.ok(ms < 5000, `${version} took ${ms} ms`);
  }
});

// Each element the native reader knows, and what it does with odd values, names and nesting.
const CORNERS = `<?xml version="1.0" encoding="utf-8"?>
<!-- <!DOCTYPE only-a-comment> -->
<?some-instruction data?>
<edmx:Edmx Version="4.01" ${EDMX}>
  <edmx:Reference Uri="https://example.com/core"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" /></edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="first" Alias="f" ${EDM}>
      <Function Name="image"><Parameter Name="a" Type="Edm.Int32" Nullable="false" MaxLength=" 5" Precision="+7" Scale="variable" SRID="-0" DefaultValue="3" /><ReturnType Type="Collection(first.image)" Nullable="false" /></Function>
      <Function Name="image" IsBound="true" IsComposable="true"><Parameter Name="b" Type="Collection()" /><Parameter Type="Edm.String" Nullable="true" /></Function>
      <EntityType Name="image" OpenType="true" HasStream="true" Abstract="false"><Key><PropertyRef Name="id" /><PropertyRef /></Key>
        <Property Name="id" Type="Edm.String" Nullable="False" MaxLength="max" Precision="000042" />
        <Property Name="tab" Type="Edm.Int64" DefaultValue="&#9;7" Scale="&#9;7" SRID="" />
        <Property Name="__proto__" Type="Edm.String" />
        <Property Name="constructor" />
        <Property Name="" Type="dropped" />
        <Property Name="spread" Type="Edm.String" DefaultValue="two
lines" />
        <NavigationProperty Name="many" Type="Collection(first.image)" Nullable="true" Partner="back" />
        <NavigationProperty Name="one" Type="first.image" Nullable="false" ContainsTarget="true" />
        <NavigationProperty Name="maybe" Type="first.image" />
      </EntityType>
      <Action Name="image" />
      <Action Name="post"><Parameter Name="p" /></Action>
      <ComplexType Name="post" />
      <Action Name="post" IsBound="true" />
      <EnumType Name="e" UnderlyingType="Edm.Int64" IsFlags="True"><Member Name="a" /><Member Name="b" Value=" 10x" /><Member Name="c" /><Member Name="d" Value="-3" /><Member Name="e" /><Member Name="f" Value="abc" /><Member Name="g" /><Member Value="5" /></EnumType>
      <EnumType Name="again"><Member Name="restart" /></EnumType>
      <TypeDefinition Name="td" UnderlyingType="Edm.String" MaxLength="3" />
      <Term Name="t" Type="Edm.String" />
      <EntityContainer Name="c1">
        <EntitySet Name="images" EntityType="first.image"><NavigationPropertyBinding Path="many" Target="images" /><Annotation Term="Core.Set" Bool="true" /></EntitySet>
        <Singleton Name="me" Type="first.image" /><EntitySet Name="noType" /><Singleton Name="noType2" />
        <FunctionImport Name="fi" Function="first.image" EntitySet="images" /><ActionImport Name="ai" Action="first.post" />
      </EntityContainer>
      <Annotations Target="first.image">
        <Annotation Term="Core.Description" String="a &amp; b &lt;c&gt; &quot;q&quot; \\ snow ☃ clef 𝄞" />
        <Annotation Term="Core.Computed" />
        <Annotation Term="Core.Flag" Bool="false" />
        <Annotation Term="Core.Other" Bool="yes" String="ignored" />
        <Annotation Term="Core.Int" Int="42abc" />
        <Annotation Term="Core.Negative" Int="  -17" />
        <Annotation Term="Core.Enum" EnumMember="Core.Permission/Read" />
        <Annotation Term="Core.Permissions"><EnumMember>Core.Permission/Read <![CDATA[<&>]]>&#233;<!-- not text --><?pi?> x<Inner>child text is not its own</Inner> end</EnumMember></Annotation>
        <Annotation Term="Core.Long"><String>line one
line two	tab "quoted" \\ back</String></Annotation>
        <Annotation Term="Capabilities.ReadRestrictions"><Record>
          <PropertyValue Property="Readable" Bool="true" /><PropertyValue Property="Description" String="d" /><PropertyValue Property="Nothing" />
          <PropertyValue Property="Inner"><Record><PropertyValue Property="x" Bool="yes" /></Record></PropertyValue>
          <PropertyValue Property="Collected"><Collection><String>s1</String><String>s2</String></Collection></PropertyValue>
          <PropertyValue Property="Texted"><String>t</String></PropertyValue>
        </Record></Annotation>
        <Annotation Term="" Bool="true" />
      </Annotations>
      <Annotations Target="first.image"><Annotation Term="Core.Second" Bool="true" /><Annotation Term="Core.Flag" Bool="true" /></Annotations>
      <Annotations Target="empty" />
      <Annotations Target="stringy"><String>plain</String></Annotations>
      <Annotations Target="recorded"><Record><PropertyValue Property="r" String="v" /></Record></Annotations>
      <Annotations Target=""><Annotation Term="dropped" /></Annotations>
    </Schema>
    <Schema Namespace="second" Alias="">
      <EntityContainer Name="c2" />
      <ComplexType Name="x"><Property Name="p" Type="Edm.String"><Annotation Term="A.B" Int="9007199254740991" /></Property>
        <Property Name="q"><String>a property's value replaced</String></Property><Property Name="r"><Record /></Property></ComplexType>
      <Function Name="code" /><EntityType Name="code" /><Function Name="code" />
    </Schema>
    <Schema><EntityType Name="lost" /></Schema>
    <Schema Namespace="dup"><EntityType Name="a" /></Schema>
    <Schema Namespace="dup"><EntityType Name="b" /></Schema>
    <edm:Schema Namespace="prefixed" xmlns:edm="http://docs.oasis-open.org/odata/ns/edm"><edm:EntityType Name="p"><edm:Property Name="q" Type="Edm.Boolean" /></edm:EntityType></edm:Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

test('odd corners read as the native reader reads them', async () => {
  const path = join(outputDir, 'corners.csdl.xml');
  writeFileSync(path, CORNERS);
  await assertSameAsNative(path, 'corners.csdl');
  for (const [name, xml] of [['bare', '<Edmx/>'], ['other-prefix', '<e:Edmx xmlns:e="urn:x" Version=""><e:Schema Namespace="s" /></e:Edmx>'],
    ['bom', `\ufeff<?xml version="1.0"?><edmx:Edmx ${EDMX} Version="4.0" />`], ['32 deep', nested(32, true)]]) {
    const native = nativeCsdlOf(xml, name);
    assert.ok(native.text, native.problem);
    assertSameText((await browserCsdl(xml)).text, native.text, name);
  }
});

function nested(levels, closed) {
  const open = '<a>'.repeat(levels - 1);
  return `<edmx:Edmx Version="4.0" ${EDMX}>${open}${closed ? `${'</a>'.repeat(levels - 1)}</edmx:Edmx>` : ''}`;
}

// [name, text, the browser's message, the native reader's problem]: each the same condition.
const HOSTILE = [
  ['billion laughs', readFileSync(join(fixtures, 'metadata', 'hostile', 'billion-laughs.xml'), 'utf8'), DOCTYPE,
    'a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 2)'],
  ['external entity', readFileSync(join(fixtures, 'metadata', 'hostile', 'external-entity.xml'), 'utf8'), DOCTYPE,
    'a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 2)'],
  ['a plain DOCTYPE after a comment', `<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE edmx:Edmx>\n<edmx:Edmx ${EDMX} />`, DOCTYPE,
    'a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 3)'],
  ['a lower-case doctype', `<!doctype html><edmx:Edmx ${EDMX} />`, DOCTYPE, 'not well-formed XML: syntax error (line 1)'],
  ['a DOCTYPE after text', `junk<!DOCTYPE x [<!ENTITY e "e">]><edmx:Edmx ${EDMX} />`, DOCTYPE, 'not well-formed XML: not well-formed (invalid token) (line 1)'],
  ['not XML', 'this is not XML at all',
    'The XML is not well-formed: error on line 1 at column 1: Unexpected characters outside the root element: t',
    'not well-formed XML: syntax error (line 1)'],
  ['empty', '', 'The XML is not well-formed: error on line 1 at column 1: Unexpected end of stream: no root element found',
    'not well-formed XML: no element found (line 1)'],
  ['HTML', readFileSync(join(fixtures, 'metadata', 'hostile', 'not-csdl.xml'), 'utf8'),
    'This file is not CSDL: its root element is <html>, not <edmx:Edmx>.', 'not a CSDL document: the root element is <html> (line 1)'],
  ['HTML, cut short', '<html><body><p>Not metadata', 'This file is not CSDL: its root element is <html>, not <edmx:Edmx>.',
    'not a CSDL document: the root element is <html> (line 1)'],
  ['truncated', readFileSync(join(fixtures, 'metadata', 'hostile', 'truncated.xml'), 'utf8'),
    'The XML is not well-formed: error on line 1 at column 120: Unexpected end of stream: still inside the root element',
    'not well-formed XML: unclosed token (line 1)'],
  ['mismatched tags', `<edmx:Edmx ${EDMX}><Schema Namespace="x"></edmx:Edmx>`,
    'The XML is not well-formed: error on line 1 at column 99: Unexpected closing tag: {http://docs.oasis-open.org/odata/ns/edmx}edmx:Edmx != Schema',
    'not well-formed XML: mismatched tag (line 1)'],
  // Expat reads names as written, so the native reader takes this one; the browser's parser is
  // namespace-aware and refuses it (real $metadata declares its prefixes).
  ['an unbound prefix', '<edmx:Edmx Version="4.0" />',
    'The XML is not well-formed: error on line 1 at column 26: Element edmx:Edmx prefix is unbound', null],
  ['10 000 open elements', nested(10000, false), TOO_DEEP, 'elements nest deeper than 32 levels (line 1)'],
  ['10 000 nested elements', nested(10000, true), TOO_DEEP, 'elements nest deeper than 32 levels (line 1)'],
  ['33 nested elements', nested(33, true), TOO_DEEP, 'elements nest deeper than 32 levels (line 1)'],
  ['a type declared twice', `<edmx:Edmx ${EDMX}><Schema Namespace="x"><EntityType Name="a" /><ComplexType Name="a" /></Schema></edmx:Edmx>`,
    'This file is not valid CSDL: "a" is declared twice in x.', '"a" is declared twice in x (line 1)'],
  // The problem before the first syntax error is the one reported, as expat reads as it goes.
  ['a type declared twice, then cut short', `<edmx:Edmx ${EDMX}><Schema Namespace="x"><EntityType Name="a" /><EntityType Name="a" />\n<EntityType Name="b"><Property`,
    'This file is not valid CSDL: "a" is declared twice in x.', '"a" is declared twice in x (line 1)'],
  ['a container declared twice', `<edmx:Edmx ${EDMX}><Schema Namespace="x"><EntityContainer Name="c" /><EntityContainer Name="c" /></Schema></edmx:Edmx>`,
    'This file is not valid CSDL: "c" is declared twice in x.', '"c" is declared twice in x (line 1)'],
  // The native reader stops here with an uncaught nlohmann::json type error (the process aborts).
  ['a member whose value is text', `<edmx:Edmx ${EDMX}><Schema Namespace="x"><EnumType Name="e"><Member Name="m"><String>s</String></Member></EnumType></Schema></edmx:Edmx>`,
    'This file is not valid CSDL: "m" holds a different kind of content than CSDL allows there.', null],
];

test('hostile files are refused with one plain sentence, fast', async () => {
  for (const [name, xml, message, nativeProblem] of HOSTILE) {
    const mine = await browserCsdl(xml);
    assert.equal(mine.error, message, name);
    assert.ok(mine.plain, `${name}: not a plain Error`);
    assert.ok(mine.ms < 2000, `${name}: ${mine.ms} ms`);
    if (nativeProblem) assert.equal(nativeCsdlOf(xml, 'hostile').problem, `gpb_pack: ${join(outputDir, 'hostile.csdl.xml')}: ${nativeProblem}`, name);
  }
});

test('size, input and parser are checked first', async () => {
  const page = session.page;
  const refused = await page.evaluate(() => {
    const message = (text, options) => { try { window.csdl.csdlXmlToJson(text, options); return 'read'; } catch (e) { return e.message; } };
    const limit = 64 * 1024 * 1024;
    return {
      ascii: message(`<Edmx/>${' '.repeat(limit - 6)}`),
      // Exactly at the limit the text is parsed (by a stand-in here: 64 MiB of blanks take seconds).
      atLimit: message(`<Edmx/>${' '.repeat(limit - 7)}`, { DOMParser: class { parseFromString() { return new DOMParser().parseFromString('<Edmx/>', 'application/xml'); } } }),
      twoByte: message(`<Edmx/><!--${'é'.repeat(limit / 2)}-->`),
      notText: message(42),
      noParser: message('<Edmx/>', { DOMParser: null }),
      failingParser: message('<Edmx/>', { DOMParser: class { parseFromString() { throw new TypeError('no'); } } }),
      // A DOCTYPE is refused before any parser sees the text.
      doctypeUnparsed: message('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>', { DOMParser: class { constructor() { throw new Error('parsed'); } } }),
    };
  });
  assert.deepEqual(refused, {
    ascii: 'The file is larger than 64 MiB.',
    atLimit: 'read',
    twoByte: 'The file is larger than 64 MiB.',
    notText: 'The metadata must be given as text.',
    noParser: 'This browser has no XML parser (DOMParser), so it cannot read CSDL XML.',
    failingParser: 'The file could not be read as CSDL XML (no).',
    doctypeUnparsed: DOCTYPE,
  });
});

test('looksLikeXml: the first character that is not blank or a byte order mark is <', async () => {
  const answers = await session.page.evaluate(() => ['<a/>', ' \r\n\t\ufeff<x', '{"$Version": "4.0"}', '', '   ', 'x<', 42]
    .map((text) => window.csdl.looksLikeXml(text)));
  assert.deepEqual(answers, [true, true, false, false, false, false, false]);
});
