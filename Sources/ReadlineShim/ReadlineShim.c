// Small C shims around GNU readline: its globals and callbacks are C state, kept here so the Swift side stays
// free of shared mutable globals (Swift 6 strict concurrency).
#include "ReadlineShim.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

static volatile sig_atomic_t interrupted = 0;
static struct sigaction previous_sigint;
static char **completions = NULL;
static int completion_count = 0;
static char *finished_line = NULL;
static int line_done = 0;

/* Self-pipe: SIGINT may be delivered to any thread of the process, so the handler wakes our select() through
   a pipe instead of relying on EINTR in this thread. */
static int wake_pipe[2] = { -1, -1 };

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
    if (wake_pipe[1] >= 0) { char c = 'i'; ssize_t ignored = write(wake_pipe[1], &c, 1); (void)ignored; }
}

static char *completion_generator(const char *text, int state) {
    static int index;
    static size_t length;
    if (state == 0) { index = 0; length = strlen(text); }
    while (index < completion_count) {
        const char *word = completions[index++];
        if (strncasecmp(word, text, length) == 0) return strdup(word);
    }
    return NULL;
}

static char **attempt_completion(const char *text, int start, int end) {
    (void)start; (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    return rl_completion_matches(text, completion_generator);
}

static void line_handler(char *line) {
    finished_line = line;
    line_done = 1;
    rl_callback_handler_remove();
}

void triage_readline_setup(void) {
    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        fcntl(wake_pipe[0], F_SETFL, O_NONBLOCK);
        fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: select() must return EINTR */
    sigaction(SIGINT, &action, &previous_sigint);
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    rl_readline_name = "triage";
    rl_attempted_completion_function = attempt_completion;
    /* Options such as "Lower back" have spaces: complete the whole line, not one word. */
    rl_completer_word_break_characters = "";
    rl_completion_append_character = '\0';
}

void triage_readline_teardown(void) {
    rl_callback_handler_remove();
    sigaction(SIGINT, &previous_sigint, NULL);
}

triage_read_result triage_readline(const char *prompt, char **out) {
    int interrupts = 0;
    *out = NULL;
    line_done = 0;
    finished_line = NULL;
    rl_callback_handler_install(prompt, line_handler);
    while (!line_done) {
        int input = fileno(rl_instream ? rl_instream : stdin);
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(input, &fds);
        if (wake_pipe[0] >= 0) FD_SET(wake_pipe[0], &fds);
        int highest = input > wake_pipe[0] ? input : wake_pipe[0];
        int ready = select(highest + 1, &fds, NULL, NULL, NULL);
        if (ready < 0 && errno != EINTR) { rl_callback_handler_remove(); return TRIAGE_EOF; }
        if (wake_pipe[0] >= 0 && ready > 0 && FD_ISSET(wake_pipe[0], &fds)) {
            char drain[64];
            while (read(wake_pipe[0], drain, sizeof drain) > 0) {}
        }
        if (interrupted) {
            interrupted = 0;
            interrupts += 1;
            if (interrupts >= 2) {
                rl_callback_handler_remove();
                rl_free_line_state();
                rl_crlf();
                return TRIAGE_INTERRUPT;
            }
            /* First Ctrl-C: clear what was typed and show a fresh prompt. */
            rl_replace_line("", 0);
            rl_crlf();
            rl_on_new_line();
            rl_redisplay();
            continue;
        }
        if (ready <= 0 || !FD_ISSET(input, &fds)) continue;
        interrupts = 0;
        rl_callback_read_char();
    }
    if (finished_line == NULL) return TRIAGE_EOF;
    *out = finished_line;
    return TRIAGE_LINE;
}

void triage_free(char *line) { free(line); }

void triage_set_completions(const char *const *words, int count) {
    for (int i = 0; i < completion_count; i++) free(completions[i]);
    free(completions);
    completions = count > 0 ? calloc((size_t)count, sizeof(char *)) : NULL;
    completion_count = 0;
    for (int i = 0; i < count && completions; i++) completions[completion_count++] = strdup(words[i]);
}

void triage_add_history(const char *line) { add_history(line); }
int triage_read_history(const char *path) { return read_history(path); }
int triage_write_history(const char *path) { return write_history(path); }
int triage_append_history(const char *path) { return append_history(1, path); }
