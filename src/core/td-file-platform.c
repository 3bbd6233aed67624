/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files on Windows and elsewhere: replacing a file, owner-only access, raw writes.  The only
 * file of the core that asks which platform it runs on. */
#define G_LOG_DOMAIN "td-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_WIN32
#include <aclapi.h>
#include <io.h>
#include <windows.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "core/td-file-private.h"
#include "core/td-file.h"

#ifdef G_OS_WIN32

gssize
td_file_platform_write (int fd, const void *data, gsize len)
{
  return _write (fd, data, (unsigned int) MIN (len, G_MAXINT));
}

int
td_file_platform_sync (int fd)
{
  return _commit (fd);
}

gboolean
td_file_platform_replace (const char *temp, const char *path, GError **error)
{
  g_autofree gunichar2 *wtemp = g_utf8_to_utf16 (temp, -1, NULL, NULL, NULL);
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  DWORD code;

  if (wtemp != NULL && wpath != NULL
      && MoveFileExW (wtemp, wpath, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return TRUE;
  code = GetLastError ();
  if (code == ERROR_SHARING_VIOLATION || code == ERROR_LOCK_VIOLATION
      || code == ERROR_USER_MAPPED_FILE || code == ERROR_ACCESS_DENIED)
    {
      g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_IN_USE,
                   _("%s is open in another program (for example Excel or a PDF viewer), "
                     "or may not be changed: close it there and try again, or choose another "
                     "file name. The file was left as it was."), path);
      return FALSE;
    }
  td_file_set_error_from_errno (error, path, code == ERROR_DISK_FULL ? ENOSPC
                                             : code == ERROR_FILENAME_EXCED_RANGE ? ENAMETOOLONG
                                             : code == ERROR_PATH_NOT_FOUND ? ENOENT : EIO);
  return FALSE;
}

/* A protected DACL with one entry: full control for the current user. */
gboolean
td_file_platform_restrict (const char *path, gboolean *was_open, GError **error)
{
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  HANDLE token = NULL;
  DWORD size = 0;
  g_autofree TOKEN_USER *user = NULL;
  EXPLICIT_ACCESS_W access = { 0 };
  PACL acl = NULL;
  DWORD rc = ERROR_INVALID_PARAMETER;

  if (was_open != NULL)
    *was_open = !td_file_is_private (path);
  if (wpath != NULL && OpenProcessToken (GetCurrentProcess (), TOKEN_QUERY, &token))
    {
      GetTokenInformation (token, TokenUser, NULL, 0, &size);
      user = g_malloc0 (size);
      if (GetTokenInformation (token, TokenUser, user, size, &size))
        {
          access.grfAccessPermissions = GENERIC_ALL;
          access.grfAccessMode = SET_ACCESS;
          access.grfInheritance = NO_INHERITANCE;
          access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
          access.Trustee.TrusteeType = TRUSTEE_IS_USER;
          access.Trustee.ptstrName = (LPWSTR) user->User.Sid;
          rc = SetEntriesInAclW (1, &access, NULL, &acl);
          if (rc == ERROR_SUCCESS)
            rc = SetNamedSecurityInfoW ((LPWSTR) wpath, SE_FILE_OBJECT,
                                        DACL_SECURITY_INFORMATION
                                          | PROTECTED_DACL_SECURITY_INFORMATION,
                                        NULL, NULL, acl, NULL);
          if (acl != NULL)
            LocalFree (acl);
        }
      CloseHandle (token);
    }
  if (rc == ERROR_SUCCESS)
    return TRUE;
  g_set_error (error, TD_FILE_ERROR, TD_FILE_ERROR_FAILED,
               _("Cannot make %s readable by you only (Windows error %lu)."), path,
               (unsigned long) rc);
  return FALSE;
}

gboolean
td_file_is_private (const char *path)
{
  g_autofree gunichar2 *wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  PSECURITY_DESCRIPTOR sd = NULL;
  PACL dacl = NULL;
  SECURITY_DESCRIPTOR_CONTROL control = 0;
  DWORD revision = 0, size = 0;
  HANDLE token = NULL;
  g_autofree TOKEN_USER *user = NULL;
  ACCESS_ALLOWED_ACE *ace = NULL;
  gboolean only_owner = FALSE;

  if (wpath == NULL
      || GetNamedSecurityInfoW ((LPCWSTR) wpath, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, NULL,
                                NULL, &dacl, NULL, &sd) != ERROR_SUCCESS)
    return FALSE;
  if (dacl != NULL && dacl->AceCount == 1 && GetSecurityDescriptorControl (sd, &control, &revision)
      && (control & SE_DACL_PROTECTED) && GetAce (dacl, 0, (void **) &ace)
      && ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE
      && OpenProcessToken (GetCurrentProcess (), TOKEN_QUERY, &token))
    {
      GetTokenInformation (token, TokenUser, NULL, 0, &size);
      user = g_malloc0 (size);
      if (GetTokenInformation (token, TokenUser, user, size, &size))
        only_owner = EqualSid ((PSID) &ace->SidStart, user->User.Sid);
      CloseHandle (token);
    }
  LocalFree (sd);
  return only_owner;
}

#else

gssize
td_file_platform_write (int fd, const void *data, gsize len)
{
  return write (fd, data, len);
}

int
td_file_platform_sync (int fd)
{
  return fsync (fd);
}

gboolean
td_file_platform_replace (const char *temp, const char *path, GError **error)
{
  if (g_rename (temp, path) == 0)
    return TRUE;
  td_file_set_error_from_errno (error, path, errno);
  return FALSE;
}

gboolean
td_file_platform_restrict (const char *path, gboolean *was_open, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      td_file_set_error_from_errno (error, path, errno);
      return FALSE;
    }
  if (was_open != NULL)
    *was_open = (st.st_mode & 077) != 0;
  if ((st.st_mode & 077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
    {
      td_file_set_error_from_errno (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_file_is_private (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & 0777) == 0600;
}

#endif
