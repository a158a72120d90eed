# Message catalogues of gongwen (converter and `gongwen check`), included by the Makefile after
# PREFIX is set. `make` compiles po/LANG.po into po/LANG/LC_MESSAGES, where
# a build tree's gongwen finds it (po/LINGUAS beside the executable);
# `make install-po` installs it under $(LOCALEDIR).
LOCALEDIR ?= $(PREFIX)/share/locale
PO_LANGS  := $(shell cat po/LINGUAS)
PO_MO     := $(PO_LANGS:%=po/%/LC_MESSAGES/gongwen.mo)
PO_SRC     = $(wildcard src/check*.c src/diag*.c src/lsp*.c) src/fix.c src/cli_fix.c src/config.c src/cli_check.c src/cli.c src/main.c src/batch.c src/batch_list.c src/formats.c src/params.c src/xform.c

po/%/LC_MESSAGES/gongwen.mo: po/%.po
	mkdir -p $(@D)
	msgfmt --check -o $@ $<

# After changing a message: regenerate the template, merge it into each
# catalogue, then translate what msgmerge marked new or fuzzy.
update-po:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	    --add-location=file --package-name=gongwen --msgid-bugs-address=none \
	    -o po/gongwen.pot $(PO_SRC)
	for l in $(PO_LANGS); do \
	    msgmerge --quiet --update --backup=none --add-location=file po/$$l.po po/gongwen.pot; done

install-po: $(PO_MO)
	for l in $(PO_LANGS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 po/$$l/LC_MESSAGES/gongwen.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done

clean-po:
	rm -rf $(PO_LANGS:%=po/%)

.PHONY: update-po install-po clean-po
