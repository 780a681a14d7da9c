--[[ notebook-links.lua: "Open in Colab" and "Download the notebook" at the top of every chapter page.

A Quarto filter (listed under `filters:` in _quarto.yml), so that no notebook has to carry the links itself. It
runs on each page as Quarto renders it from nbdev's processed copy (_proc/NAME.ipynb, the same relative path as
nbs/NAME.ipynb) and writes, under the title, links to that notebook in the repository:

  https://colab.research.google.com/github/OWNER/REPO/blob/BRANCH/nbs/NAME.ipynb
  https://raw.githubusercontent.com/OWNER/REPO/BRANCH/nbs/NAME.ipynb

OWNER/REPO, BRANCH and nbs/ come from settings.ini (git_url, branch, nbs_path), found in the project folder or
above it (nbdev renders in <repo>/_proc), else from `website: repo-url / repo-branch`, which nbdev writes into
nbdev.yml from the same settings. The landing page (index.ipynb) gets no links, nor does any page that is not a
notebook or not HTML. The markup is the one tools/preview.py writes in the offline preview. Nothing is fetched
from the network when the page is viewed.
]]

local function read_settings(dir)
  -- settings.ini's [DEFAULT] values, looking in `dir` and up to three folders above it
  for _ = 1, 4 do
    if not dir or dir == '' then return nil end
    local f = io.open(pandoc.path.join({dir, 'settings.ini'}), 'r')
    if f then
      local vals = {}
      for line in f:lines() do
        local k, v = line:match('^%s*([%w_]+)%s*=%s*(.-)%s*$')
        if k then vals[k] = v end
      end
      f:close()
      return vals
    end
    local parent = pandoc.path.directory(dir)
    if parent == dir then return nil end
    dir = parent
  end
  return nil
end

local function meta_string(meta, ...)
  local v = meta
  for _, k in ipairs({...}) do
    if type(v) ~= 'table' then return nil end
    v = v[k]
  end
  if v == nil then return nil end
  local s = pandoc.utils.stringify(v)
  if s == '' then return nil end
  return s
end

local function escape(s)
  return (s:gsub('&', '&amp;'):gsub('"', '&quot;'):gsub('<', '&lt;'):gsub('>', '&gt;'))
end

function Pandoc(doc)
  if not quarto.doc.is_format('html') then return nil end
  local input = quarto.doc.input_file
  if not input or not input:match('%.ipynb$') then return nil end
  local project = quarto.project and quarto.project.directory
  if type(project) == 'function' then project = project() end
  project = project or pandoc.path.directory(input)

  -- the notebook's path inside the project (= inside nbs/)
  local rel = pandoc.path.make_relative(input, project):gsub('\\', '/')
  if rel:sub(1, 2) == './' then rel = rel:sub(3) end
  if rel == 'index.ipynb' or rel:sub(1, 3) == '../' then return nil end

  local settings = read_settings(project) or {}
  local git_url = settings.git_url or meta_string(doc.meta, 'website', 'repo-url')
  local branch = settings.branch or meta_string(doc.meta, 'website', 'repo-branch') or 'main'
  local nbs_path = (settings.nbs_path or 'nbs'):gsub('^%./', ''):gsub('/$', '')
  if not git_url then return nil end
  git_url = git_url:gsub('/$', ''):gsub('%.git$', '')
  local path = (nbs_path ~= '' and nbs_path ~= '.') and (nbs_path .. '/' .. rel) or rel

  local links = {}
  local repo = git_url:match('^https?://github%.com/([^/]+/[^/]+)$') or git_url:match('^git@github%.com:([^/]+/[^/]+)$')
  if repo then
    table.insert(links, '<a class="dbn-colab" href="' .. escape('https://colab.research.google.com/github/' .. repo
      .. '/blob/' .. branch .. '/' .. path) .. '">Open in Colab</a>')
    table.insert(links, '<a class="dbn-download" href="' .. escape('https://raw.githubusercontent.com/' .. repo .. '/'
      .. branch .. '/' .. path) .. '" download>Download the notebook</a>')
  else
    table.insert(links, '<a class="dbn-download" href="' .. escape(git_url .. '/raw/' .. branch .. '/' .. path)
      .. '" download>Download the notebook</a>')
  end
  table.insert(doc.blocks, 1, pandoc.RawBlock('html',
    '<div class="dbn-notebook-links">' .. table.concat(links, ' ') .. '</div>'))
  return doc
end
