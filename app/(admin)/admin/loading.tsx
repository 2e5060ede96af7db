import { AdminLoading } from "@/components/admin/admin-loading";

export default function AdminPageLoading() {
  return <AdminLoading />;
}
