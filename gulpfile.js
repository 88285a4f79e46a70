const { src, dest } = require('gulp');

// n8n loads node and credential icons from files next to the compiled code: copy them into dist.
function buildIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
