/* struct sigevent as glibc 2.36 lays it out on x86_64 (64 bytes) and
   mq_notify: a message queue's notification, by SIGEV_SIGNAL (a signal
   with si_code SI_MESGQ and the sigev_value) or SIGEV_NONE. SIGEV_THREAD
   runs a thread, which ipcsim refuses. Compiled only into a program that
   names them (lang::compile_here). */
struct sigevent {
    union sigval sigev_value;
    int sigev_signo;
    int sigev_notify;
    union {
        int _pad[12];
        pid_t _tid;
        struct {
            void (*_function)(union sigval);
            void *_attribute;
        } _sigev_thread;
    } _sigev_un;
};
typedef struct sigevent sigevent_t;

#define sigev_notify_function _sigev_un._sigev_thread._function
#define sigev_notify_attributes _sigev_un._sigev_thread._attribute
#define sigev_notify_thread_id _sigev_un._tid

#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD (__ipcsim_sigev_thread())
#define SIGEV_THREAD_ID 4
#define SI_MESGQ (-3)

int mq_notify(mqd_t mqdes, const struct sigevent *sevp);
