// The article editor's formatting toolbar. Built here, not in the page, so that without JavaScript the body box
// works exactly as a plain textarea and no button shows that would do nothing. Each button writes Markdown the
// site and the checker accept (content/README.md, "Writing the article") at the cursor, or around the selection,
// then gives the focus back to the box and says what it wrote in a polite live region.
(function () {
    'use strict';

    var box = document.querySelector('textarea[data-format-target]');
    if (!box || !box.parentNode) {
        return;
    }

    // kind: 'inline' goes where the cursor is; 'block' gets lines of its own, with blank lines around it.
    // make(selected) returns the text to write and, within it, the part left selected for the writer to type over.
    var formats = [
        {
            name: 'heading', label: 'Heading', kind: 'block',
            said: 'Heading inserted. Type the heading over the selected words.',
            make: function (s) { return pick('## ', oneLine(s) || 'Heading', ''); }
        },
        {
            name: 'bold', label: 'Bold', kind: 'inline',
            said: 'Bold inserted, around the selected words.',
            make: function (s) { return pick('**', s || 'important words', '**'); }
        },
        {
            name: 'list', label: 'List', kind: 'block',
            said: 'List inserted. Each line starting with a hyphen is one item.',
            make: function (s) {
                if (!s) {
                    return pick('- ', 'First item', '\n- Second item');
                }
                var items = s.split('\n').map(function (line) {
                    return line.trim() === '' || /^\s*- /.test(line) ? line : '- ' + line;
                }).join('\n');
                return pick('', items, '');
            }
        },
        {
            name: 'link', label: 'Link', kind: 'inline',
            said: 'Link inserted. Type the address over the selected part: /articles/ and an article\'s web address, or a website starting https://.',
            make: function (s) { return pick('[' + (oneLine(s) || 'words people see') + '](', '/articles/article-address', ')'); }
        },
        {
            name: 'care-card', label: 'Care card', kind: 'block',
            said: 'Good to know care card inserted. For warning signs change info to urgent or emergency, in the symptom check\'s words.',
            make: function (s) { return pick('::: info\n', s || 'Write the advice here.', '\n:::'); }
        },
        {
            name: 'picture', label: 'Picture', kind: 'block',
            said: 'Picture inserted. Type the picture\'s file name over the selected part, and describe what it shows in the square brackets. Upload a new picture under Add a picture.',
            make: function (s) { return pick('![' + (oneLine(s) || 'Describe what the picture shows') + '](/images/', 'picture-name.png', ')'); }
        },
        {
            name: 'emergency-number', label: 'Emergency number', kind: 'inline',
            said: 'Emergency number placeholder inserted. Patients see the clinic\'s emergency number.',
            make: function () { return pick('{{emergency-number}}', '', ''); }
        }
    ];

    function pick(before, middle, after) {
        return { text: before + middle + after, from: before.length, to: before.length + middle.length };
    }

    function oneLine(text) {
        return text.replace(/\s+/g, ' ').trim();
    }

    var toolbar = document.createElement('div');
    toolbar.className = 'format-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Formatting');
    toolbar.setAttribute('aria-controls', box.id);
    toolbar.setAttribute('data-format-toolbar', '');

    var said = document.createElement('p');
    said.className = 'visually-hidden';
    said.setAttribute('aria-live', 'polite');
    said.setAttribute('data-format-announcement', '');

    formats.forEach(function (format) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = format.label;
        button.setAttribute('data-format', format.name);
        button.addEventListener('click', function () { insert(format); });
        toolbar.appendChild(button);
    });

    // Every button is a Tab stop, and the arrow keys, Home and End move along the toolbar as well.
    toolbar.addEventListener('keydown', function (event) {
        var buttons = Array.prototype.slice.call(toolbar.querySelectorAll('button'));
        var at = buttons.indexOf(document.activeElement);
        if (at < 0) {
            return;
        }
        var to = event.key === 'ArrowRight' ? (at + 1) % buttons.length
            : event.key === 'ArrowLeft' ? (at + buttons.length - 1) % buttons.length
            : event.key === 'Home' ? 0
            : event.key === 'End' ? buttons.length - 1
            : -1;
        if (to >= 0) {
            event.preventDefault();
            buttons[to].focus();
        }
    });

    box.parentNode.insertBefore(toolbar, box);
    box.parentNode.insertBefore(said, box.nextSibling);

    function insert(format) {
        var value = box.value;
        var start = box.selectionStart;
        var end = box.selectionEnd;
        var made = format.make(value.slice(start, end));
        var before = '';
        var after = '';
        if (format.kind === 'block') {
            // A block starts on a line of its own after a blank line, and is followed by one, or Markdown
            // would read it as part of the paragraph around it.
            var head = value.slice(0, start);
            var tail = value.slice(end);
            before = head === '' || /\n\n$/.test(head) ? '' : /\n$/.test(head) ? '\n' : '\n\n';
            after = tail === '' || /^\n\n/.test(tail) ? '' : /^\n/.test(tail) ? '\n' : '\n\n';
        }

        var text = before + made.text + after;
        box.focus();
        box.setSelectionRange(start, end);
        // insertText keeps the browser's undo history; where it is not supported, write the value directly.
        var typed = false;
        try {
            typed = document.execCommand('insertText', false, text) && box.value.slice(start, start + text.length) === text;
        } catch (e) {
            typed = false;
        }
        if (!typed) {
            box.value = value.slice(0, start) + text + value.slice(end);
            box.dispatchEvent(new Event('input', { bubbles: true }));
        }

        box.setSelectionRange(start + before.length + made.from, start + before.length + made.to);
        // Cleared first, so the same words said twice are announced twice.
        said.textContent = '';
        window.setTimeout(function () { said.textContent = format.said; }, 50);
    }
}());
