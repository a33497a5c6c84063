#!/usr/bin/env node
// The `folio` command by its former name: bin/folio.cjs is the command (package.json "bin").
import './folio.cjs';
