#ifndef TRIAGE_READLINE_SHIM_H
#define TRIAGE_READLINE_SHIM_H

/* What one call to triage_readline produced. */
typedef enum {
    TRIAGE_LINE = 0,        /* *out holds a malloc'd line; free it with triage_free */
    TRIAGE_EOF = 1,         /* Ctrl-D on an empty line, or input closed */
    TRIAGE_INTERRUPT = 2    /* Ctrl-C pressed twice in a row */
} triage_read_result;

/* Installs the SIGINT handler and readline settings. Call once before reading. */
void triage_readline_setup(void);
/* Restores the terminal and the previous SIGINT handler. */
void triage_readline_teardown(void);

/* Reads one line with editing, history and completion. A single Ctrl-C clears the line being typed. */
triage_read_result triage_readline(const char *prompt, char **out);
void triage_free(char *line);

/* The words Tab completes to (copied). */
void triage_set_completions(const char *const *words, int count);

void triage_add_history(const char *line);
int triage_read_history(const char *path);
int triage_write_history(const char *path);
/* Appends the newest history line to the file (so nothing is lost if the process dies). */
int triage_append_history(const char *path);

#endif
